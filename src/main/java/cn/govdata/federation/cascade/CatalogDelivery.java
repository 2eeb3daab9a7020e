package cn.govdata.federation.cascade;

import cn.govdata.catalog.EntryContent;
import cn.govdata.shared.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One published entry as a lower platform delivers it to its upper one
 * ({@code PUT /api/v1/federation/catalog/entries/{id on the lower platform}}).
 *
 * @param platform the lower platform's name
 * @param baseUrl the lower platform's address
 * @param version the entry's version in force there
 * @param department the lower platform's department that keeps the entry
 * @param region the lower region, or null
 */
record CatalogDelivery(@NotBlank @Size(max = 100) @PlainText String platform,
        @NotBlank @Size(max = 500) String baseUrl, @NotBlank @Size(max = 40) @PlainText String resourceCode,
        @NotNull @Min(1) Integer version, @NotNull @Valid Department department, @Valid Region region,
        @NotNull EntryContent content) {

    record Department(@NotBlank @Size(max = 200) @PlainText String name, @Size(max = 18) @PlainText String creditCode) {
    }

    record Region(@Size(max = 6) @PlainText String divisionCode, @Size(max = 100) @PlainText String name) {
    }
}
