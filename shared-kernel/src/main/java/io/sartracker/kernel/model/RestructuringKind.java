package io.sartracker.kernel.model;

/** The Organizational Restructurings of (9) after which the rights are replaced. */
public enum RestructuringKind {
    MERGER_COMPANY_DISSOLVES,
    ABSORPTION_TYPE_DEMERGER,
    INCORPORATION_TYPE_DEMERGER,
    SHARE_EXCHANGE,
    SHARE_TRANSFER
}
