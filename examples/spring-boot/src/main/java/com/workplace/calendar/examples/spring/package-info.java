/**
 * A minimal Spring Boot application on the SDK's starter, against an embedded fake of Microsoft
 * 365.
 */
package com.workplace.calendar.examples.spring;
