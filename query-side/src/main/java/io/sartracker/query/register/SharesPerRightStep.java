package io.sartracker.query.register;

import io.sartracker.kernel.model.AdjustmentCause;

import java.time.LocalDate;

/** From {@code appliesFrom}, each right delivers {@code sharesPerRight} shares; {@code cause} is null at issue. */
public record SharesPerRightStep(LocalDate appliesFrom, long sharesPerRight, AdjustmentCause cause, String ratio,
                                 String reason) {
}
