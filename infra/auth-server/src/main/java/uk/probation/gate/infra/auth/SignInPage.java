package uk.probation.gate.infra.auth;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The sign-in form, in the GOV.UK style of the service it signs people into. */
@Controller
class SignInPage implements WebMvcConfigurer {

    static final String GOVUK_FRONTEND = "classpath:/META-INF/resources/webjars/govuk-frontend/5.14.0/dist/govuk/";

    private final WebAppClient webApp;
    private final boolean devUsers;

    SignInPage(WebAppClient webApp, org.springframework.core.env.Environment environment) {
        this.webApp = webApp;
        this.devUsers = ClientRegistrations.dev(environment);
    }

    @GetMapping("/login")
    String signIn(@RequestParam(required = false) String error, Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("devUsers", devUsers);
        return "login";
    }

    /** Signed in here directly rather than through the web application: send the person there. */
    @GetMapping("/")
    String signedIn() {
        return "redirect:" + webApp.baseUrls().get(0) + "/";
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // govuk-frontend's stylesheet asks for its fonts and images under /assets/
        registry.addResourceHandler("/assets/**").addResourceLocations(GOVUK_FRONTEND + "assets/");
        registry.addResourceHandler("/govuk/**").addResourceLocations(GOVUK_FRONTEND);
    }
}
