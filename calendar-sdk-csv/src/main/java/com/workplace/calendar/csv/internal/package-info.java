/** Implementation of the CSV module. Not API: anything here may change without notice. */
package com.workplace.calendar.csv.internal;
