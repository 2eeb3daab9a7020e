package cn.govdata.org;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.govdata.shared.Role;

/**
 * The organisation directory as other modules see it: which departments and regions exist, their names and
 * codes, and where a region sits in the hierarchy. Read-only; changes go through this module's API.
 */
@Component
public class Directory {

    /** A department as other modules need it. */
    public record DepartmentInfo(long id, long regionId, String name, String creditCode, boolean authority) {
    }

    /** A region with its level's parent (a county's city) and its data authority, if designated. */
    public record RegionInfo(long id, String divisionCode, String name, Long parentId, Long authorityDepartmentId) {
    }

    private final Departments departments;
    private final Regions regions;
    private final Divisions divisions;
    private final UserAccounts users;

    Directory(Departments departments, Regions regions, Divisions divisions, UserAccounts users) {
        this.departments = departments;
        this.regions = regions;
        this.divisions = divisions;
        this.users = users;
    }

    /** The enabled users of a department holding a role, by id: e.g. whom to tell of a department's duties. */
    public List<Long> usersWithRole(long departmentId, Role role) {
        return users.enabledWithRole(departmentId, role);
    }

    public Optional<DepartmentInfo> department(long id) {
        return departments.find(id).map(Directory::info);
    }

    public List<DepartmentInfo> departments(long regionId) {
        return departments.list(regionId).stream().map(Directory::info).toList();
    }

    /** Every region, by division code. */
    public List<RegionInfo> regions() {
        return regions.all().stream().map(r -> new RegionInfo(r.id(), r.divisionCode(), r.name(), r.parentId(),
                r.authorityDepartmentId())).toList();
    }

    public Optional<RegionInfo> region(long id) {
        return regions.find(id).map(r -> new RegionInfo(r.id(), r.divisionCode(), r.name(), r.parentId(),
                r.authorityDepartmentId()));
    }

    /**
     * Whether a code is a current administrative division (GB/T 2260: province, city or county) of the
     * edition the platform ships, e.g. for checking division codes and ID-number prefixes in data.
     */
    public boolean isDivisionCode(String code) {
        return divisions.find(code).isPresent();
    }

    /**
     * The full name of a division code (GB/T 2260) with its province and city, e.g. 370602 → 山东省烟台市芝罘区;
     * empty for a code the platform does not know.
     */
    public Optional<String> divisionName(String code) {
        StringBuilder name = new StringBuilder();
        Optional<Divisions.Division> division = divisions.find(code);
        for (int depth = 0; division.isPresent() && depth < 3; depth++) {
            Divisions.Division d = division.get();
            // 市辖区 and the like are statistics-only levels that read oddly in a full name
            if (!d.name().equals("市辖区") && !d.name().equals("县")) {
                name.insert(0, d.name());
            }
            division = divisions.find(d.parentCode());
        }
        return name.isEmpty() ? Optional.empty() : Optional.of(name.toString());
    }

    private static DepartmentInfo info(Departments.Department d) {
        return new DepartmentInfo(d.id(), d.regionId(), d.name(), d.creditCode(), d.authority());
    }
}
