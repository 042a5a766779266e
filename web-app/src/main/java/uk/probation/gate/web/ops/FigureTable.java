package uk.probation.gate.web.ops;

import java.util.List;

/**
 * One table of figures, exactly as shown on the outcomes page and downloaded as CSV: the page and the file are
 * written from the same rows, so the download always says what the page says.
 */
public record FigureTable(String id, String caption, List<String> headers, List<List<String>> rows) {

    public String csvHref() {
        return "/outcomes/" + id + ".csv";
    }

    public String fileName() {
        return id + ".csv";
    }

    /** RFC 4180: a header line, then a line per row; fields with commas, quotes or line breaks are quoted. */
    public String csv() {
        StringBuilder out = new StringBuilder();
        line(out, headers);
        rows.forEach(row -> line(out, row));
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String field = fields.get(i) == null ? "" : fields.get(i);
            if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
                out.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                out.append(field);
            }
        }
        out.append("\r\n");
    }
}
