package uk.probation.gate.notifications.domain;

/** Who a recipient is: their code is an officer code, a provider code, a CRN or prison number, or a service code. */
public enum RecipientKind {
    RESPONSIBLE_OFFICER, PROVIDER, PERSON, VOLUNTEER_SERVICE
}
