package uk.probation.gate.faults;

/**
 * One effect an accepted command must have, exactly so many times, in one downstream place: {@code service} is where
 * it is read (resettlement, referral, community-payback, notifications, mail), {@code what} the kind of record and
 * {@code subject} the record it is about (a case id, prison number, recipient code, mailbox...).
 */
record Effect(String service, String what, String subject) {

    @Override
    public String toString() {
        return service + ": " + what + " of " + subject;
    }
}
