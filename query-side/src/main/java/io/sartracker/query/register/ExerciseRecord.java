package io.sartracker.query.register;

import java.time.LocalDate;

/** One exercise as the register shows it: when, how many rights, shares and yen, and the capital added. */
public record ExerciseRecord(LocalDate exerciseDate, String exercisedBy, long rights, long sharesPerRight,
                             long sharesDelivered, long amountPaidIn, long bookValue, long capitalStockIncrease,
                             long capitalReserveIncrease) {
}
