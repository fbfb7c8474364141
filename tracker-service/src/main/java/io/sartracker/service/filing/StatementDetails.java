package io.sartracker.service.filing;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.LocalDate;

/**
 * A share capital statement as entered: the date it is as at, the total number of issued shares, the capital
 * stock in whole yen, and its source (the certificate of registered matters and its date, say).
 */
public record StatementDetails(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) LocalDate asAt,
                               @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long issuedShares,
                               @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long capitalStock,
                               @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                                       example = "履歴事項全部証明書 2022-12-31") String source) {
    static final int MAX_SOURCE = 500;

    public StatementDetails {
        if (asAt == null) {
            throw new IllegalArgumentException("asAt is required: the date the figures are as at");
        }
        if (issuedShares == null || issuedShares < 0) {
            throw new IllegalArgumentException("issuedShares is a whole number of shares, 0 or more, was "
                    + issuedShares);
        }
        if (capitalStock == null || capitalStock < 0) {
            throw new IllegalArgumentException("capitalStock is an amount in whole yen, 0 or more, was "
                    + capitalStock);
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source is required: where the figures come from, e.g."
                    + " 履歴事項全部証明書 2022-12-31");
        }
        source = source.strip();
        if (source.length() > MAX_SOURCE || source.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("source is one line of at most " + MAX_SOURCE + " characters");
        }
    }
}
