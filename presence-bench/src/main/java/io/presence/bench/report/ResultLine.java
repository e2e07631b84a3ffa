package io.presence.bench.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One machine-readable figure of a benchmark run:
 * {@code RESULT scenario=<name> value=<n> unit=<unit> baseline=<n> ratio=<n>}. The baseline is
 * always measured in the same run, on the same data and broker; {@code ratio = value / baseline}.
 * Secondary figures name themselves {@code <scenario>/<figure>}; the headline carries the bare
 * scenario name and is printed last.
 */
public record ResultLine(String scenario, double value, String unit, double baseline) {

    public ResultLine {
        if (scenario.isBlank() || scenario.contains(" ") || unit.isBlank() || unit.contains(" ")) {
            throw new IllegalArgumentException("scenario and unit must be single words: '" + scenario + "', '" + unit + "'");
        }
    }

    /** NaN when the baseline is 0: a failed baseline must not read as a great ratio. */
    public double ratio() {
        return baseline == 0 ? Double.NaN : value / baseline;
    }

    public String format() {
        return "RESULT scenario=" + scenario + " value=" + plain(value, 2) + " unit=" + unit
                + " baseline=" + plain(baseline, 2) + " ratio=" + plain(ratio(), 3);
    }

    /** Plain decimal notation (never an exponent), rounded half-up, without trailing zeros. */
    static String plain(double n, int decimals) {
        if (Double.isNaN(n) || Double.isInfinite(n)) {
            return "NaN";
        }
        BigDecimal rounded = BigDecimal.valueOf(n).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }
}
