package com.workplace.calendar.graph.reliability;

import com.workplace.calendar.store.CalendarStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Wraps a store and records every write that took effect: an insert, update, put or save that
 * returned, or a delete or mark that reported a change. Writes that changed nothing (a delete of
 * nothing, a refused duplicate) and lease calls are not recorded.
 */
final class WriteCountingStore {
  private static final List<String> WRITES = List.of("insert", "update", "delete", "put", "save", "mark");

  final CalendarStore store;
  private final List<String> writes = new CopyOnWriteArrayList<>();

  WriteCountingStore(CalendarStore delegate) {
    this.store =
        (CalendarStore)
            Proxy.newProxyInstance(
                CalendarStore.class.getClassLoader(),
                new Class<?>[] {CalendarStore.class},
                (proxy, method, args) -> {
                  Object result;
                  try {
                    result = method.invoke(delegate, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                  boolean write = WRITES.stream().anyMatch(method.getName()::startsWith);
                  boolean changedNothing = Boolean.FALSE.equals(result) || Integer.valueOf(0).equals(result);
                  if (write && !changedNothing) {
                    writes.add(method.getName());
                  }
                  return result;
                });
  }

  /** {@return the writes recorded so far, and forgets them} */
  List<String> drain() {
    List<String> copy = List.copyOf(writes);
    writes.clear();
    return copy;
  }
}
