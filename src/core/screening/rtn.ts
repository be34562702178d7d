/**
 * Components of `vectorKm` in the RTN frame of an orbit state (R along the position, N along r × v, T = N × R).
 * Positions/velocities in one inertial frame (TEME here); returns [radial, transverse, normal] km.
 */
export function vectorInRtn(
  positionKm: ArrayLike<number>,
  velocityKmS: ArrayLike<number>,
  vectorKm: ArrayLike<number>,
): [number, number, number] {
  const rx = positionKm[0] as number;
  const ry = positionKm[1] as number;
  const rz = positionKm[2] as number;
  const vx = velocityKmS[0] as number;
  const vy = velocityKmS[1] as number;
  const vz = velocityKmS[2] as number;
  const rn = Math.hypot(rx, ry, rz);
  const Rx = rx / rn;
  const Ry = ry / rn;
  const Rz = rz / rn;
  let Nx = ry * vz - rz * vy;
  let Ny = rz * vx - rx * vz;
  let Nz = rx * vy - ry * vx;
  const nn = Math.hypot(Nx, Ny, Nz);
  Nx /= nn;
  Ny /= nn;
  Nz /= nn;
  const Tx = Ny * Rz - Nz * Ry;
  const Ty = Nz * Rx - Nx * Rz;
  const Tz = Nx * Ry - Ny * Rx;
  const x = vectorKm[0] as number;
  const y = vectorKm[1] as number;
  const z = vectorKm[2] as number;
  return [x * Rx + y * Ry + z * Rz, x * Tx + y * Ty + z * Tz, x * Nx + y * Ny + z * Nz];
}
