import Foundation
import SkypeBridgeCore
import Testing

@Suite struct ResamplerTests {
    private func resample(_ input: [Float], from inputRate: Int, to outputRate: Int, chunk: Int = 4_410) -> [Float] {
        var resampler = Resampler(inputRate: inputRate, outputRate: outputRate)
        var output: [Float] = []
        var start = 0
        while start < input.count {
            output += resampler.process(Array(input[start..<min(start + chunk, input.count)]))
            start += chunk
        }
        return output + resampler.flush()
    }

    @Test(arguments: [(44_100, 1_000.0), (48_000, 440.0), (22_050, 3_000.0), (8_000, 1_000.0), (96_000, 7_000.0), (11_025, 300.0)])
    func keepsFrequencyAndLevelOfAPassBandTone(_ rate: Int, _ frequency: Double) {
        let input = AudioSignals.sine(frequency, rate: rate, count: rate, amplitude: 0.5)
        let output = resample(input, from: rate, to: 16_000)
        #expect(output.count == 16_000)
        let middle = output[2_000..<14_000]
        #expect(abs(AudioSignals.dominantFrequency(Array(middle), rate: 16_000) - frequency) <= 1)
        let level = AudioSignals.rms(middle) / AudioSignals.rms(input[...])
        #expect(abs(20 * log10(level)) < 0.1, "pass-band gain \(20 * log10(level)) dB")
    }

    @Test(arguments: [(48_000, 12_000.0), (44_100, 9_000.0), (44_100, 15_000.0), (32_000, 8_500.0)])
    func removesContentAboveTheOutputNyquistInsteadOfAliasingIt(_ rate: Int, _ frequency: Double) {
        let input = AudioSignals.sine(frequency, rate: rate, count: rate / 2, amplitude: 0.9)
        let output = resample(input, from: rate, to: 16_000)
        let attenuation = 20 * log10(AudioSignals.rms(output[1_000..<7_000]) / AudioSignals.rms(input[...]))
        #expect(attenuation < -70, "alias only \(attenuation) dB down")
    }

    @Test func upsamplingLeavesNoImageAboveTheInputNyquist() {
        let input = AudioSignals.sine(1_000, rate: 8_000, count: 8_000, amplitude: 0.5)
        let output = Array(resample(input, from: 8_000, to: 16_000)[1_000..<15_000])
        let tone = Goertzel(frequency: 1_000, sampleRate: 16_000).amplitude(in: output)
        let image = Goertzel(frequency: 7_000, sampleRate: 16_000).amplitude(in: output)
        #expect(abs(tone - 0.5) < 0.005)
        #expect(20 * log10(image / tone) < -70, "image at 7 kHz is \(20 * log10(image / tone)) dB")
    }

    @Test func chunkSizeDoesNotChangeTheOutput() {
        let input = AudioSignals.mix(AudioSignals.sine(523, rate: 44_100, count: 20_000), AudioSignals.noise(count: 20_000, amplitude: 0.1))
        let whole = resample(input, from: 44_100, to: 16_000, chunk: input.count)
        let pieces = resample(input, from: 44_100, to: 16_000, chunk: 317)
        #expect(whole.count == pieces.count)
        #expect(zip(whole, pieces).allSatisfy { abs($0 - $1) < 1e-6 })
    }

    @Test func outputIsNotDelayed() {
        var input = [Float](repeating: 0, count: 4_800)
        input[2_400] = 1
        let output = resample(input, from: 48_000, to: 16_000)
        let peak = output.indices.max { abs(output[$0]) < abs(output[$1]) }
        #expect(peak == 800)
    }

    @Test func equalRatesPassSamplesThrough() {
        var resampler = Resampler(inputRate: 16_000, outputRate: 16_000)
        let input = AudioSignals.noise(count: 999, amplitude: 0.7)
        #expect(resampler.process(input) == input)
        #expect(resampler.flush().isEmpty)
    }
}
