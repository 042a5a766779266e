package uk.probation.gate.web.pages;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import uk.probation.gate.web.security.Role;
import uk.probation.gate.web.security.SignedInUser;

/**
 * The service navigation and each role's first page. A link is offered only to a role whose pages check for it
 * server-side, so nobody sees a link they cannot follow. Journeys add their entries to {@link #SECTIONS}.
 */
@Component
public class Navigation {

    public record Link(String text, String href, boolean current) {
    }

    /** A section of the service: its first page, its path prefix, and the roles that may use it. */
    public record Section(String text, String href, String prefix, List<Role> roles) {
    }

    /** In the order a person with several roles sees them; a role's first section is their home page. */
    static final List<Section> SECTIONS = List.of(
            new Section("Caseload", "/caseload", "/cases", List.of(Role.RESETTLEMENT_CASEWORKER)),
            new Section("Orders", "/unpaid-work/orders", "/unpaid-work/orders", List.of(Role.PLACEMENT_COORDINATOR)),
            new Section("Sessions", "/unpaid-work/sessions", "/unpaid-work/sessions",
                    List.of(Role.PLACEMENT_COORDINATOR)),
            new Section("Projects", "/unpaid-work/projects", "/unpaid-work/projects",
                    List.of(Role.PLACEMENT_COORDINATOR)),
            new Section("Your sessions", "/supervision/sessions", "/supervision", List.of(Role.SUPERVISOR)),
            new Section("Referrals", "/referrals", "/referrals", List.of(Role.PROVIDER)),
            new Section("Your people’s referrals", "/officer/referrals", "/officer",
                    List.of(Role.RESPONSIBLE_OFFICER)),
            new Section("Routing table", "/admin/routing", "/admin/routing", List.of(Role.ADMIN)),
            new Section("Recipients", "/admin/recipients", "/admin/recipients", List.of(Role.ADMIN)),
            new Section("Templates", "/admin/templates", "/admin/templates", List.of(Role.ADMIN)),
            new Section("Screening questions", "/admin/screening-questions", "/admin/screening-questions",
                    List.of(Role.ADMIN)),
            new Section("Audit trail", "/admin/audit", "/admin/audit", List.of(Role.ADMIN)),
            new Section("Subject access request", "/admin/subject-access", "/admin/subject-access",
                    List.of(Role.ADMIN)),
            new Section("Retention", "/admin/retention", "/admin/retention", List.of(Role.ADMIN)),
            new Section("Background work", "/admin/background-work", "/admin/background-work", List.of(Role.ADMIN)),
            new Section("Outcomes", "/outcomes", "/outcomes", List.of(Role.OPS_VIEWER, Role.ADMIN)),
            new Section("Provider performance", "/provider-performance", "/provider-performance",
                    List.of(Role.OPS_VIEWER, Role.ADMIN)));

    public List<Link> linksFor(SignedInUser user, String path) {
        List<Link> links = new ArrayList<>();
        for (Section section : SECTIONS) {
            if (section.roles().stream().anyMatch(user::has)) {
                boolean current = path.equals(section.href()) || path.startsWith(section.prefix());
                links.add(new Link(section.text(), section.href(), current));
            }
        }
        return links;
    }

    /** Where {@code /} takes this person: their role's first section, or a page saying they have no access. */
    public String homeFor(SignedInUser user) {
        return SECTIONS.stream().filter(section -> section.roles().stream().anyMatch(user::has))
                .map(Section::href).findFirst().orElse("/no-access");
    }
}
