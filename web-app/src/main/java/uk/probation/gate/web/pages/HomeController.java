package uk.probation.gate.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import uk.probation.gate.web.security.SignedInUser;

/** {@code /} sends each person to their first page; public pages; the time-out dialog's "stay signed in". */
@Controller
class HomeController {

    private final Navigation navigation;

    HomeController(Navigation navigation) {
        this.navigation = navigation;
    }

    @GetMapping("/")
    String home() {
        return SignedInUser.current().map(user -> "redirect:" + navigation.homeFor(user)).orElse("redirect:/signed-out");
    }

    @GetMapping("/no-access")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String noAccess() {
        return "pages/no-access";
    }

    @GetMapping("/accessibility")
    String accessibility() {
        return "pages/accessibility";
    }

    @GetMapping("/signed-out")
    String signedOut() {
        return "pages/signed-out";
    }

    /** Any request extends the session; the dialog's button posts here (CSRF-checked) and gets nothing back. */
    @PostMapping("/session/keep-alive")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void keepAlive(HttpServletRequest request) {
        request.getSession();
    }

    /** Without JavaScript the "stay signed in" is a link back to the page. */
    @GetMapping("/session/keep-alive")
    String keepAliveLink(HttpServletRequest request) {
        String back = request.getParameter("back");
        // only a path on this site: browsers read "//host" and "/\\host" as another site
        boolean local = back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\");
        return "redirect:" + (local ? back : "/");
    }
}
