package uk.probation.gate.resettlement.domain;

/** One pathway's assessment in a plan. The note stays in this service: free text never goes on the bus. */
public record Need(Pathway pathway, NeedStatus status, String note) {
}
