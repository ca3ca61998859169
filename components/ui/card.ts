// The surface every card-like panel shares (admin sections, sign-in box).
export const cardStyles = "rounded-lg border border-zinc-200 bg-white p-4 shadow-sm";
