/**
 * The SDK's HTTP endpoints on Spring MVC: the admin-consent redirect and the change-notification
 * endpoint, both opt-in by property.
 */
package com.workplace.calendar.spring.web;
