package org.mmccycle.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Whose product the users see ({@code mmc.brand.*}): the MSP's own name in the web apps' headers and
 * the browser's title, and its logo there and on the login page, instead of the engine vendor's.
 *
 * @param name the name before "Tasklist", "Cockpit", …: the MSP's name or the product's
 * @param logo a PNG, JPEG or SVG file with the MSP's logo; empty: the product's own
 */
@ConfigurationProperties("mmc.brand")
public record BrandSettings(@DefaultValue("MMC Cycle") String name, @DefaultValue("") String logo) {}
