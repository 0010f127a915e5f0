/**
 * Implementation classes shared by the SDK's modules. Not API: anything here may change without
 * notice.
 */
package com.workplace.calendar.internal;
