package uk.probation.gate.web.forms;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Map;

/** A GOV.UK date input's three fields ({@code <name>-day}, {@code -month}, {@code -year}) read as one date. */
public final class DateField {

    private DateField() {
    }

    /** The date, or null when all three are empty; a partial or impossible date is an error on {@code <name>-day}. */
    public static LocalDate read(Map<String, String> form, String name, String label, FormErrors errors) {
        String day = trim(form.get(name + "-day"));
        String month = trim(form.get(name + "-month"));
        String year = trim(form.get(name + "-year"));
        if (day.isEmpty() && month.isEmpty() && year.isEmpty()) {
            return null;
        }
        try {
            int y = Integer.parseInt(year);
            if (year.length() != 4) {
                throw new NumberFormatException();
            }
            return LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day));
        } catch (NumberFormatException | DateTimeException e) {
            errors.add(name + "-day", label + " must be a real date");
            return null;
        }
    }

    /** Puts a date into the form's three fields, e.g. to show a saved date for changing. */
    public static void write(Map<String, String> form, String name, LocalDate date) {
        if (date != null) {
            form.put(name + "-day", String.valueOf(date.getDayOfMonth()));
            form.put(name + "-month", String.valueOf(date.getMonthValue()));
            form.put(name + "-year", String.valueOf(date.getYear()));
        }
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
