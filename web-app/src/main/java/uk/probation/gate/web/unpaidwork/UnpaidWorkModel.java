package uk.probation.gate.web.unpaidwork;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * {@code uw} on every unpaid work page: hours, dates and times written the same way everywhere. A model attribute
 * rather than a bean reference, because Thymeleaf does not allow bean references inside fragment parameters.
 */
@ControllerAdvice(assignableTypes = {OrderPages.class, SessionPages.class, SupervisionPages.class})
class UnpaidWorkModel {

    private final UnpaidWorkFormat format;

    UnpaidWorkModel(UnpaidWorkFormat format) {
        this.format = format;
    }

    @ModelAttribute("uw")
    UnpaidWorkFormat uw() {
        return format;
    }
}
