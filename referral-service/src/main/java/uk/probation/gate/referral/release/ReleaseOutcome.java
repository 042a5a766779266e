package uk.probation.gate.referral.release;

import java.time.LocalDate;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.probation.gate.platform.outbox.AggregateDocument;
import uk.probation.gate.referral.domain.Need;
import uk.probation.gate.referral.domain.NeedOnRelease;
import uk.probation.gate.referral.domain.Outcome;
import uk.probation.gate.contracts.reference.Sex;

/**
 * One resettlement case, keyed by case id: whether accommodation and ETE were needed, referred, accepted and
 * secured, joined with the release. Built from events in any order; each event is applied once (its id is kept).
 */
@Document("release-outcomes")
// the release gauges count each (sex, outcome) of the released who needed it from these alone (ADR 0013)
@CompoundIndex(name = "released_accommodation", def = "{'accommodation.needed': 1, 'released': 1, 'sex': 1, "
        + "'accommodation.outcome': 1}")
@CompoundIndex(name = "released_ete", def = "{'ete.needed': 1, 'released': 1, 'sex': 1, 'ete.outcome': 1}")
public class ReleaseOutcome extends AggregateDocument {

    /** What the person had on release, as resettlement recorded it. */
    public record Release(LocalDate releasedOn, String accommodationOnRelease, String eteOnRelease, boolean metAtGate,
            boolean outcomeRecorded) {
    }

    private String prisonNumber;
    private String crn;
    private String prisonCode;
    private Sex sex;
    private NeedOnRelease accommodation = NeedOnRelease.unknown();
    private NeedOnRelease ete = NeedOnRelease.unknown();
    private Release release;
    /** Whether {@link #release} is set: an equality an index can count on ({@code release != null} is not). */
    private boolean released;
    @Indexed(name = "expectedReleaseDate", sparse = true)
    private LocalDate expectedReleaseDate;
    private String supersededBy;

    protected ReleaseOutcome() {
    }

    ReleaseOutcome(String caseId) {
        super(caseId);
    }

    void person(String prisonNumber, String crn, String prisonCode, Sex sex) {
        this.prisonNumber = prisonNumber != null ? prisonNumber : this.prisonNumber;
        this.crn = crn != null ? crn : this.crn;
        this.prisonCode = prisonCode != null ? prisonCode : this.prisonCode;
        this.sex = sex != null ? sex : this.sex;
    }

    public void planned(int planVersion, boolean accommodationRequired, boolean eteRequired) {
        accommodation = accommodation.planned(planVersion, accommodationRequired);
        ete = ete.planned(planVersion, eteRequired);
    }

    public void sent(Need need) {
        update(need, NeedOnRelease::referredTo);
    }

    public void accepted(Need need) {
        update(need, NeedOnRelease::acceptedBy);
    }

    public void outcome(Need need, Outcome outcome, String provider) {
        update(need, n -> n.outcomeRecorded(outcome, provider));
    }

    /** When the prison expects to release the person (from the reception), to warn before it is too late. */
    public void expectedRelease(LocalDate date) {
        if (date != null) {
            this.expectedReleaseDate = date;
        }
    }

    /** A later reception opened another case: this one is no longer due for release. */
    public void superseded(String byCaseId) {
        this.supersededBy = byCaseId;
    }

    /** The release recorded by a caseworker outranks the prison feed's release without an outcome. */
    public void released(Release released) {
        this.released = true;
        if (release != null && release.outcomeRecorded() && !released.outcomeRecorded()) {
            return;
        }
        this.release = released;
    }

    private void update(Need need, java.util.function.UnaryOperator<NeedOnRelease> change) {
        if (need == Need.ACCOMMODATION) {
            accommodation = change.apply(accommodation);
        } else if (need == Need.EDUCATION_SKILLS_AND_WORK) {
            ete = change.apply(ete);
        }
    }

    public String getPrisonNumber() {
        return prisonNumber;
    }

    public String getCrn() {
        return crn;
    }

    public String getPrisonCode() {
        return prisonCode;
    }

    public Sex getSex() {
        return sex;
    }

    public NeedOnRelease getAccommodation() {
        return accommodation;
    }

    public NeedOnRelease getEte() {
        return ete;
    }

    public Release getRelease() {
        return release;
    }

    public String getSupersededBy() {
        return supersededBy;
    }

    public LocalDate getExpectedReleaseDate() {
        return expectedReleaseDate;
    }
}
