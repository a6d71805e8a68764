package dev.marketplace.client;

import dev.marketplace.client.model.Page;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/** Walks a list page by page through its cursors, fetching each page only when it is needed. */
public final class Pages {

  private Pages() {}

  /**
   * Up to {@code max} items, from as many pages as that takes.
   *
   * @param fetch the page after a cursor (null: the first page)
   */
  public static <T> List<T> collect(Function<String, Page<T>> fetch, int max) {
    List<T> items = new ArrayList<>();
    Iterator<T> all = iterate(fetch);
    while (items.size() < max && all.hasNext()) {
      items.add(all.next());
    }
    return items;
  }

  /** Every item, fetching the next page as the last one runs out. */
  public static <T> Iterator<T> iterate(Function<String, Page<T>> fetch) {
    return new Iterator<>() {
      private Iterator<T> page = List.<T>of().iterator();
      private String cursor;
      private boolean last;

      @Override
      public boolean hasNext() {
        while (!page.hasNext() && !last) {
          Page<T> next = fetch.apply(cursor);
          page = next.items().iterator();
          cursor = next.nextCursor();
          last = cursor == null;
        }
        return page.hasNext();
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return page.next();
      }
    };
  }
}
