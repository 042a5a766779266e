package uk.probation.gate.communitypayback;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CommunityPaybackApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommunityPaybackApplication.class, args);
    }
}
