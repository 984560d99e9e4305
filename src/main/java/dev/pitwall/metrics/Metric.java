package dev.pitwall.metrics;

/**
 * The figures pitwall measures per series. Latencies are recorded in microseconds; output speed in
 * milli-tokens per second, so HdrHistogram's integer values keep three significant digits of both.
 */
public enum Metric {
  TTFT("ttft", "time to first token", "ms", false),
  TTFA("ttfa", "time to first answer token", "ms", false),
  E2E("e2e", "end-to-end latency", "ms", false),
  TPOT("tpot", "time per output token", "ms", false),
  ICL("icl", "inter-chunk latency", "ms", false),
  OUTPUT_SPEED("output_speed", "output speed", "tokens/s", true),
  DISPATCH_DELAY("dispatch_delay", "dispatch delay", "ms", false),
  TTFT_SCHEDULED("ttft_sched", "time to first token from intended start", "ms", false),
  E2E_SCHEDULED("e2e_sched", "end-to-end latency from intended start", "ms", false),
  CALL_E2E("call_e2e", "end-to-end latency of the whole call, retries included", "ms", false);

  private final String id;
  private final String label;
  private final String unit;
  private final boolean biggerIsBetter;

  Metric(String id, String label, String unit, boolean biggerIsBetter) {
    this.id = id;
    this.label = label;
    this.unit = unit;
    this.biggerIsBetter = biggerIsBetter;
  }

  /** Short snake_case name used in file names, CSV columns and hlog tags. */
  public String id() {
    return id;
  }

  public String label() {
    return label;
  }

  /** Unit of {@link #toUnit} values: "ms" or "tokens/s". */
  public String unit() {
    return unit;
  }

  public boolean biggerIsBetter() {
    return biggerIsBetter;
  }

  /** JMH's unit text: latencies per call ("ms/op", as JMH's sample mode), speeds as they are. */
  public String jmhUnit() {
    return unit().equals("ms") ? "ms/op" : unit();
  }

  /** Converts a histogram value (µs or milli-tokens/s) into {@link #unit()}. */
  public double toUnit(double recorded) {
    return recorded / 1000.0;
  }

  /** Converts nanoseconds into this metric's recorded value (µs). */
  public static long nanosToRecorded(long nanos) {
    return Math.max(0, (nanos + 500) / 1000);
  }
}
