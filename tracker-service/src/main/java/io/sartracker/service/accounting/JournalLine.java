package io.sartracker.service.accounting;

/** One line of a journal entry: an account and the whole yen debited or credited to it (the other is 0). */
public record JournalLine(Account account, String accountCode, String accountNameJa, String accountNameEn,
                          long debit, long credit) {

    static JournalLine debit(Account account, long yen) {
        return new JournalLine(account, account.code(), account.nameJa(), account.nameEn(), yen, 0);
    }

    static JournalLine credit(Account account, long yen) {
        return new JournalLine(account, account.code(), account.nameJa(), account.nameEn(), 0, yen);
    }
}
