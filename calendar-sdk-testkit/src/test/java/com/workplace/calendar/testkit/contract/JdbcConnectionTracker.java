package com.workplace.calendar.testkit.contract;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Wraps a {@link DataSource} to watch what the store does with its connections: how many it opened
 * and closed, and whether each was closed with auto-commit restored.
 */
final class JdbcConnectionTracker {
  private final DataSource target;
  private int opened;
  private int closed;
  private final List<String> problems = new ArrayList<>();

  JdbcConnectionTracker(DataSource target) {
    this.target = target;
  }

  DataSource dataSource() {
    return (DataSource)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              Object result = invoke(target, method, args);
              if (method.getName().equals("getConnection")) {
                return track((Connection) result);
              }
              return result;
            });
  }

  synchronized int opened() {
    return opened;
  }

  synchronized int closed() {
    return closed;
  }

  synchronized List<String> problems() {
    return List.copyOf(problems);
  }

  private Connection track(Connection connection) throws SQLException {
    boolean autoCommitWhenOpened = connection.getAutoCommit();
    synchronized (this) {
      opened++;
    }
    return (Connection)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close") && !connection.isClosed()) {
                boolean autoCommit = connection.getAutoCommit();
                synchronized (this) {
                  closed++;
                  if (autoCommit != autoCommitWhenOpened) {
                    problems.add("a connection was closed with auto-commit " + autoCommit);
                  }
                }
              }
              return invoke(connection, method, args);
            });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
