/**
 * Text helpers every package may use; depends on nothing of ours. {@link dev.pitwall.text.Suggest}
 * finds the "did you mean …" candidates for a misspelt word, {@link dev.pitwall.text.TextTable}
 * aligns the columns of a console table.
 *
 * <p>Thread-safety: the helpers are static functions or immutable values, safe to share.
 */
package dev.pitwall.text;
