package uk.probation.gate.notifications.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The rule table: which event types notify whom. */
public final class NotificationRules {

    private final List<NotificationRule> rules;

    public NotificationRules(List<NotificationRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Everyone to tell about an event, in rule order; one addressee per (recipient, template). */
    public List<Addressee> addresseesOf(String eventType, Map<String, List<String>> fields) {
        List<Addressee> addressees = new ArrayList<>();
        for (NotificationRule rule : rules) {
            if (rule.appliesTo(eventType, fields)) {
                Addressee addressee = new Addressee(rule.recipientCodeIn(fields).orElse(null), rule.recipient(),
                        rule.templateName());
                if (!addressees.contains(addressee)) {
                    addressees.add(addressee);
                }
            }
        }
        return addressees;
    }

    public List<NotificationRule> all() {
        return rules;
    }
}
