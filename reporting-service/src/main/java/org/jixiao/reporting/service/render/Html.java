package org.jixiao.reporting.service.render;

/** XHTML text escaping: the PDF renderer needs well-formed markup, and no field may inject any. */
final class Html {
    private Html() {
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case '\n' -> sb.append("<br/>");
                case '\r' -> { }
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    static final String STYLE = """
            @page { size: A4; margin: 15mm 12mm; }
            body { font-family: %FONTS%; font-size: 10pt; color: #000; }
            h1 { font-size: 15pt; text-align: center; margin: 0 0 4pt 0; font-weight: normal; }
            .unit { text-align: right; margin: 0 0 4pt 0; }
            table { width: 100%; border-collapse: collapse; table-layout: fixed; -fs-table-paginate: paginate; }
            thead { display: table-header-group; }
            tr { page-break-inside: avoid; }
            th, td { border: 0.6pt solid #000; padding: 3pt 4pt; vertical-align: middle; word-wrap: break-word; }
            th { font-weight: normal; background: #f2f2f2; }
            td.label { text-align: center; width: 18%; }
            td.text { text-align: left; }
            td.num, th.num { text-align: right; }
            td.c { text-align: center; }
            td.merged { vertical-align: top; padding-top: 6pt; }
            tr.total td { font-weight: bold; }
            .small { font-size: 8.5pt; }
            p.remark { margin: 4pt 0 0 0; }
            """;

    /** Browsers get fallbacks; the PDF renderer must see only the font it embeds, or it scans the system's. */
    static String page(String title, String body, boolean forPdf) {
        return page(title, body, forPdf, false);
    }

    /** Wide tables (nine columns and more) are printed on A4 turned sideways, as the bureaus print them. */
    static String page(String title, String body, boolean forPdf, boolean landscape) {
        return pageStart(title, forPdf, landscape) + body + PAGE_END;
    }

    /** Everything of {@link #page} before the body, for a page written as its rows come. */
    static String pageStart(String title, boolean forPdf, boolean landscape) {
        String fonts = forPdf ? "'Noto Sans SC'"
                : "'Noto Sans SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', 'SimSun', sans-serif";
        return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"/><title>" + esc(title)
                + "</title><style>" + STYLE.replace("%FONTS%", fonts).replace("size: A4;", landscape ? "size: A4 landscape;" : "size: A4;")
                + "</style></head><body>";
    }

    static final String PAGE_END = "</body></html>";
}
