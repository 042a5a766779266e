package uk.probation.gate.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.UUID;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import uk.probation.gate.web.WebProperties;
import uk.probation.gate.web.forms.FormErrors;
import uk.probation.gate.web.security.SignedInUser;
import uk.probation.gate.web.security.UnfinishedForms;

/** What the layout needs on every page: the person, the navigation they may follow, a one-time form token. */
@ControllerAdvice
class GlobalModel {

    private final WebProperties properties;
    private final Navigation navigation;
    private final Words words;

    GlobalModel(WebProperties properties, Navigation navigation, Words words) {
        this.properties = properties;
        this.navigation = navigation;
        this.words = words;
    }

    /** For pages rendered where model attributes are not applied (exception handlers). */
    void addTo(org.springframework.ui.Model model, HttpServletRequest request) {
        model.addAttribute("user", user());
        model.addAttribute("navigation", navigation(request));
        model.addAttribute("web", web());
        model.addAttribute("sessionTimeoutSeconds", sessionTimeout(request));
        model.addAttribute("formToken", formToken());
        model.addAttribute("restored", false);
        model.addAttribute("errors", errors());
        model.addAttribute("words", words);
    }

    /** Codes in plain words: {@code ${words.of('need', referral.need())}}. */
    @ModelAttribute("words")
    Words words() {
        return words;
    }

    @ModelAttribute("user")
    SignedInUser user() {
        return SignedInUser.current().orElse(null);
    }

    @ModelAttribute("navigation")
    java.util.List<Navigation.Link> navigation(HttpServletRequest request) {
        return SignedInUser.current().map(user -> navigation.linksFor(user, request.getRequestURI()))
                .orElse(java.util.List.of());
    }

    @ModelAttribute("web")
    WebProperties web() {
        return properties;
    }

    /** Seconds until the session ends and when the "stay signed in" warning opens, for the time-out dialog. */
    @ModelAttribute("sessionTimeoutSeconds")
    Integer sessionTimeout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : session.getMaxInactiveInterval();
    }

    @ModelAttribute("formToken")
    String formToken() {
        return UUID.randomUUID().toString();
    }

    @ModelAttribute("restored")
    boolean restored(HttpServletRequest request) {
        return UnfinishedForms.restored(request);
    }

    @ModelAttribute("errors")
    FormErrors errors() {
        return FormErrors.none();
    }
}
