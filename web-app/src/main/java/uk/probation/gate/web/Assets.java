package uk.probation.gate.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** GOV.UK Frontend straight from its webjar: CSS and JS under /govuk, fonts and images under /assets (as its CSS expects). */
@Configuration
class Assets implements WebMvcConfigurer {

    private final String govuk;

    Assets(@Value("${govuk-frontend.version:5.14.0}") String version) {
        this.govuk = "classpath:/META-INF/resources/webjars/govuk-frontend/" + version + "/dist/govuk/";
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/govuk/**").addResourceLocations(govuk);
        registry.addResourceHandler("/assets/**").addResourceLocations(govuk + "assets/");
    }
}
