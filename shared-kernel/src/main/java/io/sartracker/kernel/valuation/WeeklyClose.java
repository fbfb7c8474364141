package io.sartracker.kernel.valuation;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The close of the last trading day of one week, as used for the volatility. */
public record WeeklyClose(LocalDate date, BigDecimal close) {
}
