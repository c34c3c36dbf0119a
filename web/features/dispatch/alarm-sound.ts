let context: AudioContext | null = null;

/**
 * A short two-tone alarm made with Web Audio (no sound file to load). Browsers let a page play
 * sound only after the person has interacted with it; before that the call does nothing, and the
 * on-screen alert carries the news alone.
 */
export function soundAlarm(): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume();
    const start = context.currentTime;
    for (let i = 0; i < 6; i += 1) {
      const tone = context.createOscillator();
      const gain = context.createGain();
      tone.type = 'square';
      tone.frequency.value = i % 2 === 0 ? 880 : 660;
      gain.gain.value = 0.08;
      tone.connect(gain).connect(context.destination);
      tone.start(start + i * 0.25);
      tone.stop(start + i * 0.25 + 0.22);
    }
  } catch {
    // No audio device or no Web Audio: the visible alert remains.
  }
}
