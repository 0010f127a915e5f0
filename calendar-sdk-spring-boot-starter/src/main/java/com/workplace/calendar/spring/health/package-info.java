/** The Actuator health contributor {@code calendar}: one indicator per tenant. */
package com.workplace.calendar.spring.health;
