/**
 * The rotation of the keys that seal the lake's personal information: the security administrator's API and the
 * background job that re-seals older versions' values and retires the versions no value uses.
 */
package cn.govdata.lake.keys;
