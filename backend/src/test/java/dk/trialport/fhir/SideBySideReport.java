package dk.trialport.fhir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of the side-by-side benchmark: per line (a request kind at a number of clients) and per
 * server the latencies, the time spent and the failures; written as {@code report.md} and
 * {@code report.html} (latency histograms as inline SVG, no script).
 */
final class SideBySideReport {

    static final String TRIALPORT = "Trialport";
    static final String HAPI = "HAPI";

    /** What one server did on one line. */
    static final class Figures {
        final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        long busyNanos;
        int failures;
        String firstFailure;

        synchronized void failed(String what) {
            failures++;
            if (firstFailure == null) {
                firstFailure = what;
            }
        }

        List<Long> sorted() {
            List<Long> copy;
            synchronized (nanos) {
                copy = new ArrayList<>(nanos);
            }
            Collections.sort(copy);
            return copy;
        }

        double ms(double quantile) {
            var sorted = sorted();
            return sorted.isEmpty()
                    ? Double.NaN
                    : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * quantile))) / 1e6;
        }

        double perSecond() {
            return busyNanos == 0 ? Double.NaN : nanos.size() / (busyNanos / 1e9);
        }
    }

    /** One request kind at one number of clients, against both servers. */
    record Line(String name, int clients, String trialportRequest, String hapiRequest, Map<String, Figures> servers) {

        Figures of(String server) {
            return servers.get(server);
        }
    }

    private final List<Line> lines = new ArrayList<>();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    Line line(String name, int clients, String trialportRequest, String hapiRequest) {
        var servers = new LinkedHashMap<String, Figures>();
        servers.put(TRIALPORT, new Figures());
        servers.put(HAPI, new Figures());
        var line = new Line(name, clients, trialportRequest, hapiRequest, servers);
        lines.add(line);
        return line;
    }

    /** A line measured but left out of the report (the warm-up). */
    Line unrecorded(String name) {
        var servers = new LinkedHashMap<String, Figures>();
        servers.put(TRIALPORT, new Figures());
        servers.put(HAPI, new Figures());
        return new Line(name, 1, "", "", servers);
    }

    void environment(String key, String value) {
        environment.put(key, value);
    }

    void note(String note) {
        notes.add(note);
    }

    /** The line as printed while the benchmark runs and as a row of the Markdown table. */
    static String summary(Line line) {
        var t = line.of(TRIALPORT);
        var h = line.of(HAPI);
        return String.format(
                Locale.ROOT,
                "%-34s %d clients  Trialport %6.0f/s p50 %7.1f p95 %7.1f p99 %7.1f ms (%d failed) | HAPI %6.0f/s p50"
                        + " %7.1f p95 %7.1f p99 %7.1f ms (%d failed) | p50 ratio %.2f",
                line.name(),
                line.clients(),
                t.perSecond(),
                t.ms(0.50),
                t.ms(0.95),
                t.ms(0.99),
                t.failures,
                h.perSecond(),
                h.ms(0.50),
                h.ms(0.95),
                h.ms(0.99),
                h.failures,
                t.ms(0.50) / h.ms(0.50));
    }

    void write(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("report.md"), markdown());
            Files.writeString(directory.resolve("report.html"), html());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final List<String> HEADERS = List.of(
            "line",
            "clients",
            "n",
            "Trialport /s",
            "HAPI /s",
            "throughput ratio",
            "Trialport p50 / p95 / p99 ms",
            "HAPI p50 / p95 / p99 ms",
            "p50 ratio",
            "p95 ratio",
            "failed T / H");

    /** A line's figures as the table cells of both reports, in the order of {@link #HEADERS}. */
    private static List<String> cells(Line line) {
        var t = line.of(TRIALPORT);
        var h = line.of(HAPI);
        return List.of(
                line.name(),
                Integer.toString(line.clients()),
                Integer.toString(t.nanos.size()),
                rate(t.perSecond()),
                rate(h.perSecond()),
                String.format(Locale.ROOT, "%.2f", t.perSecond() / h.perSecond()),
                quantiles(t),
                quantiles(h),
                String.format(Locale.ROOT, "%.2f", t.ms(0.50) / h.ms(0.50)),
                String.format(Locale.ROOT, "%.2f", t.ms(0.95) / h.ms(0.95)),
                t.failures + " / " + h.failures);
    }

    private static String rate(double perSecond) {
        return String.format(Locale.ROOT, perSecond < 10 ? "%.1f" : "%.0f", perSecond);
    }

    private static String quantiles(Figures figures) {
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f", figures.ms(0.50), figures.ms(0.95), figures.ms(0.99));
    }

    String markdown() {
        var md = new StringBuilder("# Trialport and the HAPI FHIR JPA server, side by side\n\n");
        for (var e : environment.entrySet()) {
            md.append("- ").append(e.getKey()).append(": ").append(e.getValue()).append('\n');
        }
        md.append("\nRatio = Trialport / HAPI: below 1 Trialport is faster (p50, p95) or slower (throughput).\n\n");
        md.append("| ").append(String.join(" | ", HEADERS)).append(" |\n|---|");
        md.append("---:|".repeat(HEADERS.size() - 1)).append('\n');
        for (var line : lines) {
            md.append("| ").append(String.join(" | ", cells(line))).append(" |\n");
        }
        md.append("\n## Requests\n\n| line | Trialport | HAPI |\n|---|---|---|\n");
        lines.stream()
                .filter(line -> line.clients() == 1)
                .forEach(line -> md.append("| ")
                        .append(line.name())
                        .append(" | `")
                        .append(line.trialportRequest())
                        .append("` | `")
                        .append(line.hapiRequest())
                        .append("` |\n"));
        var failures = new StringBuilder();
        for (var line : lines) {
            for (var server : line.servers().entrySet()) {
                if (server.getValue().firstFailure != null) {
                    failures.append("- ")
                            .append(line.name())
                            .append(", ")
                            .append(line.clients())
                            .append(" clients, ")
                            .append(server.getKey())
                            .append(": ")
                            .append(server.getValue().firstFailure.replace('\n', ' '))
                            .append('\n');
                }
            }
        }
        if (!failures.isEmpty()) {
            md.append("\n## First failure per line\n\n").append(failures);
        }
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(note -> md.append("- ").append(note).append('\n'));
        }
        return md.toString();
    }

    String html() {
        var html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Trialport and HAPI FHIR, side by side</title>
                <style>body{font-family:sans-serif;max-width:70rem;margin:2rem auto;color:#111}
                table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2rem .5rem;text-align:right}
                th:first-child,td:first-child{text-align:left}.t{fill:#005a9c}.h{fill:#b35900}figure{margin:1rem 0}
                </style></head><body>
                <h1>Trialport and the HAPI FHIR JPA server, side by side</h1>
                <ul>
                """);
        environment.forEach((k, v) -> html.append("<li>")
                .append(escape(k))
                .append(": ")
                .append(escape(v))
                .append("</li>\n"));
        html.append(
                "</ul>\n<p>Histograms: share of requests per latency bin (logarithmic bins, ms);"
                        + " <span style=\"color:#005a9c\">■ Trialport</span>, <span style=\"color:#b35900\">■ HAPI</span>.</p>\n");
        html.append("<table><thead><tr><th>")
                .append(escape(String.join("\u0000", HEADERS)).replace("\u0000", "</th><th>"))
                .append("</th></tr></thead><tbody>\n");
        for (var line : lines) {
            html.append("<tr><td>")
                    .append(escape(String.join("\u0000", cells(line))).replace("\u0000", "</td><td>"))
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
        for (var line : lines) {
            html.append("<figure><figcaption>")
                    .append(escape(line.name()))
                    .append(", ")
                    .append(line.clients())
                    .append(" clients</figcaption>\n")
                    .append(histogram(line))
                    .append("</figure>\n");
        }
        if (!notes.isEmpty()) {
            html.append("<h2>Notes</h2><ul>");
            notes.forEach(note -> html.append("<li>").append(escape(note)).append("</li>"));
            html.append("</ul>");
        }
        return html.append("</body></html>\n").toString();
    }

    /** Bins from 0.25 ms doubling up to 64 s; two bars per bin, one per server. */
    private static String histogram(Line line) {
        int bins = 19;
        var svg = new StringBuilder();
        int width = 40 * bins + 40;
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(width)
                .append("\" height=\"150\" role=\"img\" aria-label=\"latency histogram of ")
                .append(escape(line.name()))
                .append("\">\n");
        int serverIndex = 0;
        for (var server : line.servers().entrySet()) {
            var counts = new int[bins];
            var sorted = server.getValue().sorted();
            for (long nanos : sorted) {
                double ms = nanos / 1e6;
                int bin = (int) Math.floor(Math.log(ms / 0.25) / Math.log(2));
                counts[Math.max(0, Math.min(bins - 1, bin))]++;
            }
            for (int b = 0; b < bins; b++) {
                double share = sorted.isEmpty() ? 0 : counts[b] / (double) sorted.size();
                int height = (int) Math.round(share * 110);
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"17\" height=\"%d\"><title>%s %.0f%%</title></rect>%n",
                        serverIndex == 0 ? "t" : "h",
                        20 + b * 40 + serverIndex * 18,
                        120 - height,
                        height,
                        server.getKey(),
                        share * 100));
            }
            serverIndex++;
        }
        for (int b = 0; b < bins; b += 2) {
            double lower = 0.25 * Math.pow(2, b);
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"140\" font-size=\"10\">%s</text>%n",
                    20 + b * 40,
                    lower < 1 ? String.format(Locale.ROOT, "%.2f", lower) : String.format(Locale.ROOT, "%.0f", lower)));
        }
        return svg.append("</svg>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
