-- Each grant's rate limit counted across the nodes (share.grant.RateLedger): the second being counted and how many
-- of its requests the nodes have leased so far. One row per grant, moved on to the next second by the first lease
-- in it; a node leases a chunk (a tenth of the limit) at a time and serves it from memory.
create table share_grant_rate (
    grant_id      bigint primary key,
    -- seconds since the epoch (UTC)
    window_second bigint not null,
    taken         bigint not null
);
