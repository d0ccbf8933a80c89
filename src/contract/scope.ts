// Where a role reaches (spec §1), in the words server and workspace share: a role held at a body
// of region R reaches R and every region under it (region paths are codes from the city down,
// '/'-joined), and a body is served by the offices of its level (a 苏木乡镇·街道 body by its
// 旗县区's, §18 参照执行).
export const pathWithin = (path: string, scope: string) => path === scope || path.startsWith(`${scope}/`);

/** The region whose offices serve a body: the first two segments of its region path. */
export const officeLevelPath = (bodyRegionPath: string) => bodyRegionPath.split('/').slice(0, 2).join('/');
