package io.sartracker.service.register;

import io.sartracker.kernel.model.Terms;
import io.sartracker.query.register.AllotmentRecord;
import io.sartracker.query.register.ExerciseRecord;
import io.sartracker.query.register.Views.HoldingView;
import io.sartracker.query.register.Views.RegisterView;
import io.sartracker.service.directory.DirectoryEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The register of stock acquisition rights (新株予約権原簿, Companies Act art. 249 (iii)) of one series as of a
 * date, as the tables every download shows: the series' terms (the content and number of its rights), each
 * holder with name and address from the holder directory, the content and number of rights held and the date
 * they were acquired, and what was exercised, lapsed or acquired by the company. Every figure comes from the
 * as-of register view ({@link RegisterView}); this class only lays it out. A holder without an entry in the
 * directory (never entered, or erased) is shown by identifier only.
 *
 * @param title    the document's title
 * @param sections the tables, in order
 */
public record StatutoryRegister(String title, List<RegisterTable> sections) implements TabularDocument {

    /** A table: its heading, its column names (none for the terms, which are label and value) and its rows. */
    public record RegisterTable(String heading, List<String> header, List<List<Object>> rows) {
    }

    static final String TITLE = "新株予約権原簿 Register of stock acquisition rights (会社法第249条 Companies Act art. 249)";

    public static StatutoryRegister of(RegisterView register, Map<String, DirectoryEntry> directory) {
        return new StatutoryRegister(TITLE, List.of(terms(register), holders(register, directory),
                exercises(register)));
    }

    private static RegisterTable terms(RegisterView r) {
        Terms t = r.terms();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("基準日 As of", r.on().toString()));
        rows.add(List.of("新株予約権の名称 Series", t.name()));
        rows.add(List.of("識別子 Series id", r.seriesId()));
        rows.add(List.of("発行会社 Issuer", t.issuerName() + " (" + r.issuerId() + ")"));
        if (r.replacedBy() != null) {
            rows.add(List.of("組織再編後の会社 Restructured company", r.replacedBy()));
        }
        rows.add(List.of("発行決議日 Resolution date", t.resolutionDate().toString()));
        rows.add(List.of("割当日 Allotment date", t.allotmentDate().toString()));
        rows.add(List.of("発行数の上限（個） Maximum rights", t.maximumRights().count()));
        rows.add(List.of("新株予約権1個当たりの目的となる株式の数（株） Shares per right in force",
                r.sharesPerRightInForce()));
        rows.add(List.of("発行時の株式の数（株） Shares per right at issue", t.sharesPerRightAtIssue().shares()));
        rows.add(List.of("行使価額（1株当たり、円） Exercise price per share (yen)", t.exercisePricePerShare().amount()));
        rows.add(List.of("払込金額（1個当たり、円） Allotment amount per right (yen)", r.allotmentAmountPerRight()));
        rows.add(List.of("行使期間 Exercise period", t.exercisePeriod().firstDay() + " - " + t.exercisePeriod().lastDay()));
        rows.add(List.of("退任後の行使期間（日） Window after leaving office (days)", t.windowAfterLeavingOfficeDays()));
        rows.add(List.of("相続人の行使期間（か月） Heir's window (months)", t.heirWindowMonths()));
        rows.add(List.of("譲渡 Transfer", t.transferAllowed() ? "取締役会の承認を要する Board approval required"
                : "譲渡、質入れその他の処分不可 Not transferable"));
        rows.add(List.of("割当済（個） Rights allotted", r.allotted()));
        rows.add(List.of("残存（個） Rights outstanding", r.outstanding()));
        rows.add(List.of("行使済（個） Rights exercised", r.exercised()));
        rows.add(List.of("消滅（個） Rights lapsed", r.lapsed()));
        rows.add(List.of("会社による取得（個） Rights acquired by the company", r.acquired()));
        rows.add(List.of("交付株式数（株） Shares delivered", r.sharesDelivered()));
        rows.add(List.of("払込金額合計（円） Amount paid in (yen)", r.amountPaidIn()));
        return new RegisterTable("新株予約権の内容 Terms", List.of(), rows);
    }

    private static RegisterTable holders(RegisterView r, Map<String, DirectoryEntry> directory) {
        List<String> header = List.of("新株予約権者 Holder", "氏名 Name", "フリガナ Kana", "住所 Address",
                "取得日 Date of acquisition", "割当を受けた者 Allottee", "役職 Role", "状態 State",
                "割当数（個） Allotted", "保有数（個） Held", "行使（個） Exercised", "消滅（個） Lapsed",
                "会社取得（個） Acquired", "1個当たり株式数 Shares per right", "目的となる株式の数 Shares deliverable",
                "消滅・取得日 Lapse or acquisition date");
        List<List<Object>> rows = r.holders().stream().map(h -> {
            DirectoryEntry entry = directory.get(h.currentHolderId());
            List<Object> row = new ArrayList<>();
            row.add(h.currentHolderId());
            row.add(entry == null ? "" : entry.nameKanji());
            row.add(entry == null || entry.nameKana() == null ? "" : entry.nameKana());
            row.add(entry == null || entry.address() == null ? "" : entry.address());
            row.add(acquired(h));
            row.add(h.holderId());
            row.add(h.role().name());
            row.add(h.state().name());
            row.add(h.rightsAllotted());
            row.add(h.rightsHeld());
            row.add(h.rightsExercised());
            row.add(h.rightsLapsed());
            row.add(h.rightsAcquired());
            row.add(h.sharesPerRight());
            row.add(h.sharesDeliverable());
            row.add(h.lapseDate() == null ? "" : h.lapseDate().toString());
            return row;
        }).toList();
        return new RegisterTable("新株予約権者 Holders", header, rows);
    }

    /** The date the holder acquired the rights: the heir's inheritance, else each allotment (with its rights). */
    private static String acquired(HoldingView h) {
        if (h.inheritanceDate() != null) {
            return h.inheritanceDate() + " 相続 inherited";
        }
        List<AllotmentRecord> allotments = h.allotments();
        if (allotments.size() == 1) {
            return allotments.get(0).allotmentDate().toString();
        }
        return allotments.stream().map(a -> a.allotmentDate() + " (" + a.rights() + ")")
                .collect(Collectors.joining("; "));
    }

    private static RegisterTable exercises(RegisterView r) {
        List<String> header = List.of("行使日 Exercise date", "行使者 Exercised by", "行使数（個） Rights",
                "1個当たり株式数 Shares per right", "交付株式数 Shares delivered", "払込金額（円） Paid in (yen)",
                "資本金増加額（円） Capital stock", "資本準備金増加額（円） Capital reserve");
        List<List<Object>> rows = r.holders().stream().flatMap(h -> h.exercises().stream())
                .sorted(Comparator.comparing(ExerciseRecord::exerciseDate)
                        .thenComparing(ExerciseRecord::exercisedBy))
                .map(e -> List.<Object>of(e.exerciseDate().toString(), e.exercisedBy(), e.rights(), e.sharesPerRight(),
                        e.sharesDelivered(), e.amountPaidIn(), e.capitalStockIncrease(), e.capitalReserveIncrease()))
                .toList();
        return new RegisterTable("行使 Exercises", header, rows);
    }
}
