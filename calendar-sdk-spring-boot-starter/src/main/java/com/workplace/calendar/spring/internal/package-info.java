/** Implementation of the starter; not API. */
package com.workplace.calendar.spring.internal;
