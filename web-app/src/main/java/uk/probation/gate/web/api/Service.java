package uk.probation.gate.web.api;

/**
 * The four services, in the order the admin pages list them: the name each calls itself (its
 * {@code spring.application.name}, used in addresses) and its name in words.
 */
public enum Service {
    RESETTLEMENT("resettlement-service", "Resettlement"),
    COMMUNITY_PAYBACK("community-payback-service", "Community payback"),
    REFERRAL("referral-service", "Referrals"),
    NOTIFICATIONS("notifications-service", "Notifications");

    private final String id;
    private final String label;

    Service(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** Where the web app reaches this service (the {@code web.services.*} addresses). */
    public java.net.URI baseUrlIn(uk.probation.gate.web.WebProperties.Services urls) {
        return switch (this) {
            case RESETTLEMENT -> urls.resettlement();
            case COMMUNITY_PAYBACK -> urls.communityPayback();
            case REFERRAL -> urls.referral();
            case NOTIFICATIONS -> urls.notifications();
        };
    }

    /** The service named in an address, e.g. {@code /admin/retention/{service}/run}; unknown is "Page not found". */
    public static Service named(String id) {
        Service service = of(id);
        if (service == null) {
            throw new RecordNotFound("no service " + id);
        }
        return service;
    }

    /** The service of that name, or null. */
    public static Service of(String id) {
        for (Service service : values()) {
            if (service.id.equals(id)) {
                return service;
            }
        }
        return null;
    }
}
