package dev.pitwall.sim.internal;

import dev.pitwall.sim.SimEndpoint;
import dev.pitwall.sim.SimModel;
import java.math.BigDecimal;
import java.util.List;

/**
 * Everything decided about one chat completion before any byte is sent: who serves it, what it
 * says, when each event goes out and which faults strike. The handler only carries it out.
 *
 * @param replyModel the model id the reply names (the one that served, with its suffix)
 * @param model the served model, or null when the call fails
 * @param endpoint the served endpoint, or null when the call fails
 * @param error the HTTP error to send, or null
 * @param completionTokens tokens the client will receive (up to an error or reset)
 * @param finishReason "stop", "length" or "error"
 * @param steps timed steps, in order
 */
public record CallPlan(
    String id,
    long created,
    boolean stream,
    String replyModel,
    SimModel model,
    SimEndpoint endpoint,
    List<Attempt> attempts,
    ErrorReply error,
    int promptTokens,
    int completionTokens,
    String finishReason,
    String content,
    String systemFingerprint,
    List<Step> steps) {

  public CallPlan {
    attempts = List.copyOf(attempts);
    steps = List.copyOf(steps);
  }

  public boolean served() {
    return endpoint != null;
  }

  public BigDecimal cost() {
    return endpoint == null ? BigDecimal.ZERO : endpoint.cost(promptTokens, completionTokens);
  }

  /** When the last step happens: the response's end for a complete call. */
  public long endNanos() {
    return steps.isEmpty() ? 0 : steps.get(steps.size() - 1).atNanos();
  }

  /** The first step of a kind, or null. */
  public Step first(Step.Kind kind) {
    for (Step s : steps) {
      if (s.kind() == kind) {
        return s;
      }
    }
    return null;
  }
}
