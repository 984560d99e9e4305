package dev.pitwall.runfolder;

import java.util.List;

/**
 * The columns of requests.csv, in order. Stamps (t_*_ms) are milliseconds from the run's start with
 * 6 decimals, so the nanosecond stamps of a {@code CallRecord} are restored exactly; the derived
 * columns (ttft_ms, ...) are there for spreadsheets and are recomputed when read back.
 */
final class RequestsColumns {
  private RequestsColumns() {}

  static final String CALL_ID = "call_id";
  static final String ATTEMPT = "attempt";
  static final String ITERATION = "iteration";
  static final String PHASE = "phase";
  static final String CELL_ID = "cell_id";
  static final String PROMPT_ID = "prompt_id";
  static final String MODEL = "model";
  static final String REQUESTED_PROVIDER = "requested_provider";
  static final String SERVED_PROVIDER = "served_provider";
  static final String SERVED_MODEL = "served_model";
  static final String FALLBACK = "fallback";
  static final String GENERATION_ID = "generation_id";
  static final String OUTCOME = "outcome";
  static final String HTTP_STATUS = "http_status";
  static final String ERROR_CODE = "error_code";
  static final String ERROR_MESSAGE = "error_message";
  static final String WALL_START = "wall_start";
  static final String T_SCHED = "t_sched_ms";
  static final String T_CALL_SCHED = "t_call_sched_ms";
  static final String T_SEND = "t_send_ms";
  static final String T_FIRST = "t_first_ms";
  static final String T_ANSWER = "t_answer_ms";
  static final String T_LAST = "t_last_ms";
  static final String T_DONE = "t_done_ms";
  static final String TTFT = "ttft_ms";
  static final String TTFA = "ttfa_ms";
  static final String E2E = "e2e_ms";
  static final String CALL_E2E = "call_e2e_ms";
  static final String TPOT = "tpot_ms";
  static final String OUTPUT_SPEED = "output_tokens_per_s";
  static final String DISPATCH_DELAY = "dispatch_delay_ms";
  static final String TOKEN_EVENTS = "token_events";
  static final String PROMPT_TOKENS = "prompt_tokens";
  static final String COMPLETION_TOKENS = "completion_tokens";
  static final String REASONING_TOKENS = "reasoning_tokens";
  static final String CACHED_TOKENS = "cached_tokens";
  static final String TOKEN_SOURCE = "token_source";
  static final String COST_USD = "cost_usd";
  static final String NONCE = "nonce";
  static final String CONNECT = "connect_ms";
  static final String TLS = "tls_ms";
  static final String IS_BYOK = "is_byok";
  static final String GEN_LATENCY = "gen_latency_ms";
  static final String GEN_TIME = "gen_time_ms";

  static final List<String> ALL =
      List.of(
          CALL_ID,
          ATTEMPT,
          ITERATION,
          PHASE,
          CELL_ID,
          PROMPT_ID,
          MODEL,
          REQUESTED_PROVIDER,
          SERVED_PROVIDER,
          SERVED_MODEL,
          FALLBACK,
          GENERATION_ID,
          OUTCOME,
          HTTP_STATUS,
          ERROR_CODE,
          ERROR_MESSAGE,
          WALL_START,
          T_SCHED,
          T_CALL_SCHED,
          T_SEND,
          T_FIRST,
          T_ANSWER,
          T_LAST,
          T_DONE,
          TTFT,
          TTFA,
          E2E,
          CALL_E2E,
          TPOT,
          OUTPUT_SPEED,
          DISPATCH_DELAY,
          TOKEN_EVENTS,
          PROMPT_TOKENS,
          COMPLETION_TOKENS,
          REASONING_TOKENS,
          CACHED_TOKENS,
          TOKEN_SOURCE,
          COST_USD,
          NONCE,
          CONNECT,
          TLS,
          IS_BYOK,
          GEN_LATENCY,
          GEN_TIME);

  /** Columns a row cannot be rebuilt without; the others default to "absent". */
  static final List<String> REQUIRED =
      List.of(CALL_ID, ATTEMPT, ITERATION, PHASE, CELL_ID, MODEL, OUTCOME, WALL_START, T_SEND);
}
