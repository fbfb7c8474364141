package io.sartracker.service.accounting;

/**
 * The accounts the journal of a series books to, with a code for the accounting system (the tracker's own
 * chart: 1 assets, 3 net assets, 6 expenses, 7 gains) and their names in Japanese and in English. Under
 * IFRS the stock acquisition rights account is the share-based payment reserve in equity, and capital
 * reserve is share premium; the codes stay the same so that one mapping serves both journals.
 */
public enum Account {
    CASH_AND_DEPOSITS("1110", "現金及び預金", "Cash and deposits"),
    CAPITAL_STOCK("3110", "資本金", "Capital stock"),
    CAPITAL_RESERVE("3120", "資本準備金", "Capital reserve (share premium)"),
    RETAINED_EARNINGS("3310", "利益剰余金", "Retained earnings"),
    STOCK_ACQUISITION_RIGHTS("3410", "新株予約権", "Stock acquisition rights (share-based payment reserve)"),
    SHARE_BASED_REMUNERATION_EXPENSE("6110", "株式報酬費用", "Share-based remuneration expense"),
    GAIN_ON_REVERSAL_OF_STOCK_ACQUISITION_RIGHTS("7110", "新株予約権戻入益",
            "Gain on reversal of stock acquisition rights"),
    GAIN_ON_CANCELLATION_OF_STOCK_ACQUISITION_RIGHTS("7120", "新株予約権消却益",
            "Gain on cancellation of stock acquisition rights");

    private final String code;
    private final String nameJa;
    private final String nameEn;

    Account(String code, String nameJa, String nameEn) {
        this.code = code;
        this.nameJa = nameJa;
        this.nameEn = nameEn;
    }

    public String code() {
        return code;
    }

    public String nameJa() {
        return nameJa;
    }

    public String nameEn() {
        return nameEn;
    }
}
