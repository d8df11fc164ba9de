package io.promethios.governance.core.session;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable message list whose versions share one array, so that appending a turn to a
 * session of any length costs O(1) (amortized) instead of copying the history.
 *
 * <p>Each version sees the first {@code size} elements of a shared array. Appending to the
 * newest version writes the next slot and returns a longer view; appending to an older version
 * (a branch, as a stale concurrent writer would) copies. Slots below a version's size are never
 * written again, and a version reaches other threads only through safe publication (the session
 * store), so readers need no locks.
 */
final class AppendOnlyHistory extends AbstractList<Message> implements RandomAccess {

    private static final AppendOnlyHistory EMPTY = new AppendOnlyHistory(new Shared(new Message[0], 0), 0);

    private static final class Shared {
        final Message[] items;
        int length; // guarded by this

        Shared(Message[] items, int length) {
            this.items = items;
            this.length = length;
        }
    }

    private final Shared shared;
    private final int size;

    private AppendOnlyHistory(Shared shared, int size) {
        this.shared = shared;
        this.size = size;
    }

    static AppendOnlyHistory empty() {
        return EMPTY;
    }

    /** The list itself if it already is one, else an unmodifiable copy (nulls rejected). */
    static AppendOnlyHistory copyOf(List<Message> list) {
        if (list instanceof AppendOnlyHistory h) {
            return h;
        }
        int n = list.size();
        if (n == 0) {
            return EMPTY;
        }
        Message[] items = new Message[Math.max(8, n + n / 2)];
        for (int i = 0; i < n; i++) {
            items[i] = Objects.requireNonNull(list.get(i), "history must not contain null");
        }
        return new AppendOnlyHistory(new Shared(items, n), n);
    }

    /** This history plus {@code message}. */
    AppendOnlyHistory append(Message message) {
        Objects.requireNonNull(message, "message");
        synchronized (shared) {
            if (shared.length == size && size < shared.items.length) {
                shared.items[size] = message;
                shared.length = size + 1;
                return new AppendOnlyHistory(shared, size + 1);
            }
        }
        Message[] items = new Message[Math.max(8, size * 2)];
        System.arraycopy(shared.items, 0, items, 0, size);
        items[size] = message;
        return new AppendOnlyHistory(new Shared(items, size + 1), size + 1);
    }

    @Override
    public Message get(int index) {
        Objects.checkIndex(index, size);
        return shared.items[index];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Object[] toArray() {
        return Arrays.copyOf(shared.items, size, Object[].class);
    }
}
