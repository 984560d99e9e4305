package dev.pitwall.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A console table: each column as wide as its widest cell, two spaces between columns, text
 * left-aligned and figures right-aligned so that columns of numbers can be compared by eye, and no
 * trailing spaces. The header, when given, is aligned like its column; an optional rule of dashes
 * runs under it.
 *
 * <pre>{@code
 * String text = TextTable.of(Align.LEFT, Align.RIGHT).header("provider", "models")
 *     .row("openai", "2").render();
 * }</pre>
 */
public final class TextTable {
  /** How a column's cells sit in its width. */
  public enum Align {
    LEFT,
    RIGHT
  }

  private static final String GAP = "  ";

  private final List<Align> aligns;
  private List<String> header;
  private boolean rule;
  private final List<List<String>> rows = new ArrayList<>();

  private TextTable(List<Align> aligns) {
    if (aligns.isEmpty()) {
      throw new IllegalArgumentException("a table needs at least one column");
    }
    this.aligns = List.copyOf(aligns);
  }

  /** A table with one column per alignment given. */
  public static TextTable of(Align... aligns) {
    return new TextTable(Arrays.asList(aligns));
  }

  public static TextTable of(List<Align> aligns) {
    return new TextTable(aligns);
  }

  public TextTable header(String... cells) {
    return header(Arrays.asList(cells));
  }

  public TextTable header(List<String> cells) {
    header = checked(cells);
    return this;
  }

  /** Draws a line of dashes under the header, as wide as the table. */
  public TextTable ruleUnderHeader() {
    rule = true;
    return this;
  }

  public TextTable row(String... cells) {
    return row(Arrays.asList(cells));
  }

  public TextTable row(List<String> cells) {
    rows.add(checked(cells));
    return this;
  }

  /** The table, one line per header and row, each ending in a newline. */
  public String render() {
    int[] width = new int[aligns.size()];
    List<List<String>> lines = new ArrayList<>();
    if (header != null) {
      lines.add(header);
    }
    lines.addAll(rows);
    for (List<String> line : lines) {
      for (int c = 0; c < width.length; c++) {
        width[c] = Math.max(width[c], line.get(c).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      appendLine(sb, lines.get(i), width);
      if (i == 0 && header != null && rule) {
        int total = Arrays.stream(width).sum() + GAP.length() * (width.length - 1);
        sb.append("-".repeat(total)).append('\n');
      }
    }
    return sb.toString();
  }

  private void appendLine(StringBuilder sb, List<String> cells, int[] width) {
    StringBuilder line = new StringBuilder();
    for (int c = 0; c < width.length; c++) {
      String cell = cells.get(c);
      String pad = " ".repeat(width[c] - cell.length());
      line.append(aligns.get(c) == Align.LEFT ? cell + pad : pad + cell);
      if (c < width.length - 1) {
        line.append(GAP);
      }
    }
    sb.append(line.toString().stripTrailing()).append('\n');
  }

  private List<String> checked(List<String> cells) {
    if (cells.size() != aligns.size()) {
      throw new IllegalArgumentException(
          "a row of " + cells.size() + " cells in a table of " + aligns.size() + " columns");
    }
    return cells.stream().map(c -> c == null ? "" : c).toList();
  }
}
