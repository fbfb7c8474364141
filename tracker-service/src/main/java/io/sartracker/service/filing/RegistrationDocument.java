package io.sartracker.service.filing;

import io.sartracker.service.filing.RegistrationReport.Fact;
import io.sartracker.service.register.StatutoryRegister.RegisterTable;
import io.sartracker.service.register.TabularDocument;

import java.util.ArrayList;
import java.util.List;

/**
 * The report of a registration of change as tables, for its CSV and PDF: each label in Japanese with English,
 * as the statutory register's are.
 */
public record RegistrationDocument(String title, List<RegisterTable> sections) implements TabularDocument {
    static final String TITLE = "変更登記 Registration of change (会社法第915条 Companies Act art. 915)";

    public static RegistrationDocument of(RegistrationReport r) {
        List<RegisterTable> sections = new ArrayList<>();
        sections.add(registration(r));
        if (r.totals() != null) {
            sections.add(totals(r));
        }
        sections.add(series(r));
        sections.add(facts(r));
        return new RegistrationDocument(TITLE, sections);
    }

    private static RegisterTable registration(RegistrationReport r) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("発行会社 Issuer", r.issuerId()));
        rows.add(List.of("登記の事由 Cause", kind(r)));
        rows.add(List.of("識別子 Key", r.key()));
        rows.add(List.of("対象期間 Period", r.firstDay() + " - " + r.changeDate()));
        rows.add(List.of("変更年月日 Date of change", r.changeDate().toString()));
        rows.add(List.of("登記期限 Deadline", r.deadline().toString()));
        rows.add(List.of("登記を要する変更 Change to register", r.due() ? "あり Yes" : "なし None"));
        rows.add(List.of("申請 Filed", r.filing() == null ? "未申請 Not filed"
                : r.filing().filedOn() + " " + r.filing().reference()));
        return new RegisterTable("登記 Registration", List.of(), rows);
    }

    private static String kind(RegistrationReport r) {
        return switch (r.kind()) {
            case MONTHLY_EXERCISES -> "新株予約権の行使（月末現在） Exercises of the month, as at its end";
            case LAPSE -> "新株予約権の消滅 Rights lapsed";
            case ACQUISITION -> "新株予約権の取得・消却 Rights acquired by the company";
            case SERIES_EXTINGUISHED -> "新株予約権の全部消滅 A series extinguished";
        };
    }

    private static RegisterTable totals(RegistrationReport r) {
        RegistrationReport.Totals t = r.totals();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("発行済株式の総数（株） Total issued shares", t.issuedShares() == null ? "" : t.issuedShares()));
        rows.add(List.of("資本金の額（円） Capital stock (yen)", t.capitalStock() == null ? "" : t.capitalStock()));
        rows.add(List.of("基礎とした資本金等の記録 Share capital statement", t.statement() == null ? t.missing()
                : t.statement().asAt() + " " + t.statement().source() + " (" + t.statement().issuedShares() + " / "
                + t.statement().capitalStock() + ")"));
        rows.add(List.of("当月の行使（件） Exercises in the month", r.increases().exercises()));
        rows.add(List.of("当月の発行株式数（株） Shares issued in the month", r.increases().sharesIssued()));
        rows.add(List.of("当月の払込金額（円） Amount paid in (yen)", r.increases().amountPaidIn()));
        rows.add(List.of("当月の資本金増加額（円） Capital stock increase (yen)", r.increases().capitalStock()));
        rows.add(List.of("当月の資本準備金増加額（円） Capital reserve increase (yen)", r.increases().capitalReserve()));
        return new RegisterTable("発行済株式の総数及び資本金の額 Issued shares and capital", List.of(), rows);
    }

    private static RegisterTable series(RegistrationReport r) {
        List<String> header = List.of("新株予約権 Series", "名称 Name", "新株予約権の数（個） Rights remaining",
                "1個当たり株式数 Shares per right", "目的たる株式の数（株） Shares for the rights",
                "消滅 Extinguished", "期間中の行使（個） Exercised in period", "期間中の消滅（個） Lapsed in period",
                "期間中の取得（個） Acquired in period");
        List<List<Object>> rows = r.series().stream().map(s -> List.<Object>of(s.seriesId(), s.name(),
                s.rightsRemaining(), s.sharesPerRight(), s.sharesForRights(), s.extinguished() ? "消滅 Yes" : "",
                s.rightsExercisedInPeriod(), s.rightsLapsedInPeriod(), s.rightsAcquiredInPeriod())).toList();
        return new RegisterTable("新株予約権の数 Rights of each series as at " + r.changeDate(), header, rows);
    }

    private static RegisterTable facts(RegistrationReport r) {
        List<String> header = List.of("日付 Date", "事実 Fact", "新株予約権 Series", "新株予約権者 Holder",
                "数（個） Rights", "比率 Ratio", "交付株式数 Shares delivered", "払込金額（円） Paid in",
                "資本金増加額（円） Capital stock", "資本準備金増加額（円） Capital reserve", "事由 Reason",
                "期間内 In period", "発行済株式の総数 Issued shares after", "資本金の額 Capital after", "記録 Trace");
        List<List<Object>> rows = r.facts().stream().map(RegistrationDocument::fact).toList();
        return new RegisterTable("根拠となる事実 Facts behind the figures", header, rows);
    }

    private static List<Object> fact(Fact f) {
        List<Object> row = new ArrayList<>();
        row.add(f.date().toString());
        row.add(f.fact().name());
        row.add(text(f.seriesId()));
        row.add(text(f.holderId()));
        row.add(text(f.rights()));
        row.add(text(f.ratio()));
        row.add(text(f.sharesDelivered()));
        row.add(text(f.amountPaidIn()));
        row.add(text(f.capitalStockIncrease()));
        row.add(text(f.capitalReserveIncrease()));
        row.add(text(f.reason()));
        row.add(f.inPeriod() ? "○" : "");
        row.add(text(f.issuedSharesAfter()));
        row.add(text(f.capitalStockAfter()));
        row.add(f.trace());
        return row;
    }

    /** A figure as itself, and an empty cell for none. */
    private static Object text(Object value) {
        return value == null ? "" : value;
    }
}
