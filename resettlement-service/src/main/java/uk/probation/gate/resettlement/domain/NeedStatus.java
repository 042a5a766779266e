package uk.probation.gate.resettlement.domain;

public enum NeedStatus {
    SUPPORT_REQUIRED, SUPPORT_NOT_REQUIRED, SUPPORT_DECLINED, IN_PROGRESS, DONE
}
