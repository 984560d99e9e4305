package dev.pitwall.text;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * "Did you mean …" for misspelt keys, ids and settings. The one rule: ignoring case, a candidate is
 * meant when its optimal-string-alignment distance to the word (Levenshtein, with a swap of two
 * adjacent letters counting as one edit) is at most a third of the word's length, and at least 2;
 * or, for words and candidates of 4 letters or more, when one contains the other
 * ("requests_per_min" for "requests_per_minute"). Candidates come nearest first, ties in the order
 * given.
 */
public final class Suggest {
  private Suggest() {}

  /** Candidates close to {@code word}, nearest first; empty when nothing is plausibly meant. */
  public static List<String> nearest(String word, Collection<String> candidates, int max) {
    String w = word.toLowerCase();
    int tolerance = Math.max(2, w.length() / 3);
    return candidates.stream()
        .filter(c -> distance(w, c.toLowerCase()) <= tolerance || containsEither(w, c))
        .sorted(Comparator.comparingInt((String c) -> distance(w, c.toLowerCase())))
        .limit(max)
        .collect(Collectors.toList());
  }

  /** The one candidate nearest to {@code word}, if any is plausibly meant. */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    return nearest(word, candidates, 1).stream().findFirst();
  }

  /** A hint sentence: "did you mean 'x'?" or "did you mean 'x' or 'y'?", else the valid list. */
  public static String didYouMean(String word, Collection<String> candidates) {
    List<String> near = nearest(word, candidates, 3);
    if (near.isEmpty()) {
      return "use one of: " + String.join(", ", candidates);
    }
    return "did you mean "
        + near.stream().map(s -> "'" + s + "'").collect(Collectors.joining(" or "))
        + "?";
  }

  private static boolean containsEither(String w, String candidate) {
    String c = candidate.toLowerCase();
    return w.length() >= 4 && c.length() >= 4 && (c.contains(w) || w.contains(c));
  }

  /** Optimal string alignment distance: Levenshtein plus adjacent transpositions. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
