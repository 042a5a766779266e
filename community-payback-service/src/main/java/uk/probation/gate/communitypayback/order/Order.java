package uk.probation.gate.communitypayback.order;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.mongodb.core.mapping.Document;
import uk.probation.gate.communitypayback.domain.OrderStatus;
import uk.probation.gate.communitypayback.domain.RiskOfSeriousHarm;
import uk.probation.gate.communitypayback.domain.Sex;
import uk.probation.gate.platform.outbox.AggregateDocument;

/** One unpaid work order: the minutes owed and credited, from receipt to completion. */
@Document("orders")
public class Order extends AggregateDocument {

    private String crn;
    private LocalDate sentenceDate;
    private String areaCode;
    private Sex sex;
    private RiskOfSeriousHarm riskOfSeriousHarm;
    private String responsibleOfficerCode;
    private OrderStatus status;
    private int requiredMinutes;
    private int creditedMinutes;
    private int eteMinutesAllowed;
    private int eteMinutesCredited;
    private LocalDate completeBy;
    private Instant receivedAt;

    protected Order() {
    }

    Order(String id, NewOrder order, int requiredMinutes, int eteMinutesAllowed, LocalDate completeBy,
            Instant receivedAt) {
        super(id);
        this.crn = order.crn();
        this.sentenceDate = order.sentenceDate();
        this.areaCode = order.areaCode();
        this.sex = order.sex();
        this.riskOfSeriousHarm = order.riskOfSeriousHarm();
        this.responsibleOfficerCode = order.responsibleOfficerCode();
        this.status = OrderStatus.AWAITING_ASSESSMENT;
        this.requiredMinutes = requiredMinutes;
        this.eteMinutesAllowed = eteMinutesAllowed;
        this.completeBy = completeBy;
        this.receivedAt = receivedAt;
    }

    public int getRemainingMinutes() {
        return Math.max(0, requiredMinutes - creditedMinutes);
    }

    public String getCrn() {
        return crn;
    }

    public LocalDate getSentenceDate() {
        return sentenceDate;
    }

    public String getAreaCode() {
        return areaCode;
    }

    public Sex getSex() {
        return sex;
    }

    public RiskOfSeriousHarm getRiskOfSeriousHarm() {
        return riskOfSeriousHarm;
    }

    public String getResponsibleOfficerCode() {
        return responsibleOfficerCode;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public int getRequiredMinutes() {
        return requiredMinutes;
    }

    public int getCreditedMinutes() {
        return creditedMinutes;
    }

    public int getEteMinutesAllowed() {
        return eteMinutesAllowed;
    }

    public int getEteMinutesCredited() {
        return eteMinutesCredited;
    }

    public LocalDate getCompleteBy() {
        return completeBy;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }
}
